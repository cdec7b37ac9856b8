import { lazy, Suspense } from 'react';
import { Header } from './components/Header';
import { AnnouncerProvider } from './hooks/useAnnouncer';
import { useRoute } from './hooks/useRoute';
import { Drill } from './screens/Drill';
import { History } from './screens/History';

// the ops console (and chart.js with it) loads only when someone opens #/ops
const Ops = lazy(() => import('./screens/Ops').then((m) => ({ default: m.Ops })));

export function App() {
  const route = useRoute();
  // the live region outlives every screen: what a screen says as it gives way to the next is still heard
  return (
    <AnnouncerProvider>
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
    </AnnouncerProvider>
  );
}
