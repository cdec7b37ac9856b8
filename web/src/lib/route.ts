/** The app's pages, picked by the URL's hash: `#/` the player drill, `#/history` the player's record, `#/ops` ops. */
export type Route = 'play' | 'history' | 'ops';

export function routeOf(hash: string): Route {
  const page = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return page === 'ops' ? 'ops' : page === 'history' ? 'history' : 'play';
}
