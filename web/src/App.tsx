import { lazy, Suspense } from 'react';
import { Header } from './components/Header';
import { useRoute } from './hooks/useRoute';
import { Drill } from './screens/Drill';
import { History } from './screens/History';

// the ops console (and chart.js with it) loads only when someone opens #/ops
const Ops = lazy(() => import('./screens/Ops').then((m) => ({ default: m.Ops })));

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
        ) : route === 'history' ? (
          <History />
        ) : (
          <Drill />
        )}
      </main>
    </div>
  );
}
