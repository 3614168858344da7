import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { screens, type RouteName } from '../routes';

/**
 * The app's screens live in the URL hash (`#/exercise-06/2`), so the built app works from any static folder and
 * offline without server rewrites. `params` are the segments after the screen's name, decoded.
 */
export type Route = { readonly name: RouteName; readonly params: readonly string[] };

export const routeHref = (name: RouteName, ...params: readonly string[]): string =>
  `#/${[name, ...params.map(encodeURIComponent)].join('/')}`;

const isRouteName = (name: string): name is RouteName => screens.some((screen) => screen.name === name);

/** Unknown or empty hashes land on the simulator rather than on a blank page. */
export function parseRoute(hash: string): Route {
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (!isRouteName(name)) return { name: 'simulator', params: [] };
  const params = rest.filter((segment) => segment !== '').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  return { name, params };
}

/** Follows `location.hash` and re-renders the host when it changes (links, back/forward). */
export class HashRouteController implements ReactiveController {
  route: Route = parseRoute(location.hash);

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHashChange);
    this.onHashChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private readonly onHashChange = (): void => {
    this.route = parseRoute(location.hash);
    this.host.requestUpdate();
  };
}
