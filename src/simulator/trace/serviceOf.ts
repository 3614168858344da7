/** The lanes a waterfall draws first, in the order a saga touches them; any other stream prefix follows. */
export const knownServices = ['order', 'payment', 'inventory', 'saga', 'user'] as const;

/**
 * A stream stands for the service that owns it, as a span names its service in a tracer: `order-42` → `order`,
 * `saga-42` → `saga`. A stream id without a dash is its own service.
 */
export function serviceOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
}

/** Known services first (in saga order), then the others alphabetically. */
export function compareServices(a: string, b: string): number {
  const rank = (service: string): number => {
    const index = (knownServices as readonly string[]).indexOf(service);
    return index === -1 ? knownServices.length : index;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
