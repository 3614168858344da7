import type { Route } from './endpoint';
import type { HttpMethod } from './types';
import { seed000Routes } from './seed000';
import { seed001Routes } from './seed001';
import { seed002Routes } from './seed002';
import { seed004Routes } from './seed004';

/** Every endpoint the console answers, seed by seed. */
export const apiRoutes: readonly Route[] = [...seed000Routes, ...seed001Routes, ...seed002Routes, ...seed004Routes];

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Readonly<Record<string, string>> }
  /** The path is an endpoint, but not for this method: 405 with the methods it has. */
  | { readonly kind: 'wrongMethod'; readonly allowed: readonly HttpMethod[] }
  | { readonly kind: 'unknownPath' };

/** `/orders/` and `/orders` are one path: FastAPI would redirect, a typed request should just work. */
const segmentsOf = (path: string): string[] => path.split('/').filter((_, index, all) => index > 0 && !(index === all.length - 1 && all[index] === ''));

const isParameter = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}');

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const expected = segmentsOf(pattern);
  const actual = segmentsOf(path);
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index] ?? '';
    if (isParameter(segment)) {
      if (value === '') return undefined;
      params[segment.slice(1, -1)] = value;
    } else if (segment !== value) {
      return undefined;
    }
  }
  return params;
}

/** Fixed segments a pattern has: `/api/v1/orders/summary` (4) is more specific than `/api/v1/orders/{order_id}` (3). */
const specificity = (pattern: string): number => segmentsOf(pattern).filter((segment) => !isParameter(segment)).length;

/**
 * Finds the endpoint for a method and path. As in most routers, a fixed segment beats a parameter: the paths that
 * match most specifically decide, so `GET /api/v1/orders/summary` is the summary (seed 002), not the order with id
 * "summary" (seed 004), and `GET /api/v1/orders/order` is a 405 (that path takes POST), not a missing order.
 */
export function matchRoute(method: HttpMethod, path: string, routes: readonly Route[] = apiRoutes): RouteMatch {
  const candidates = routes
    .map((route) => ({ route, params: matchPattern(route.pattern, path) }))
    .filter((candidate): candidate is { route: Route; params: Record<string, string> } => candidate.params !== undefined);
  if (candidates.length === 0) return { kind: 'unknownPath' };
  const best = Math.max(...candidates.map((candidate) => specificity(candidate.route.pattern)));
  const mostSpecific = candidates.filter((candidate) => specificity(candidate.route.pattern) === best);
  const found = mostSpecific.find((candidate) => candidate.route.method === method);
  if (found) return { kind: 'found', route: found.route, params: found.params };
  return { kind: 'wrongMethod', allowed: [...new Set(mostSpecific.map((candidate) => candidate.route.method))] };
}

/** `PUT /orders/{order_id}/status/`: how a route is named in responses and the examples list. */
export const routeName = (route: Pick<Route, 'method' | 'pattern'>): string => `${route.method} ${route.pattern}`;
