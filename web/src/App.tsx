import { lazy, Suspense, useEffect, useState } from 'react';
import { Header } from './components/Header';
import { Drill } from './screens/Drill';

// the ops console (and chart.js with it) loads only when someone opens #/ops
const Ops = lazy(() => import('./screens/Ops').then((m) => ({ default: m.Ops })));

export type Route = 'play' | 'ops';

export function routeOf(hash: string): Route {
  return hash.replace(/^#\/?/, '').split(/[/?]/)[0] === 'ops' ? 'ops' : 'play';
}

function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function App() {
  const route = useRoute();
  return (
    <div className="app">
      <Header route={route} />
      <main id="main" className="main" tabIndex={-1}>
        {route === 'ops' ? (
          <Suspense fallback={<p className="muted center">…</p>}>
            <Ops />
          </Suspense>
        ) : (
          <Drill />
        )}
      </main>
    </div>
  );
}
