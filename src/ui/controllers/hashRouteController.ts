import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The app's screens. Routes live in the URL hash so the built app works from any static folder (and offline)
 * without server rewrites. Add a screen here first: `workbook-app` then fails to compile until it renders it.
 */
export type Route = { readonly name: 'simulator' };

export const routeHref = (route: Route): string => `#/${route.name}`;

/** Unknown or empty hashes land on the simulator rather than on a blank page. */
export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  switch (name) {
    case 'simulator':
    default:
      return { name: 'simulator' };
  }
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
