/** The app's two pages, picked by the URL's hash: `#/` the player drill, `#/ops` the ops console. */
export type Route = 'play' | 'ops';

export function routeOf(hash: string): Route {
  return hash.replace(/^#\/?/, '').split(/[/?]/)[0] === 'ops' ? 'ops' : 'play';
}
