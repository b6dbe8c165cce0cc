import { servedOperations, type OperationModel } from './model';

/**
 * The routing table, built from both models' URIs. Matching works on the raw path
 * split at '/', then decodes each segment, because ARNs arrive percent-encoded
 * (an encoded '/' must not split a label).
 */

interface Route {
  op: OperationModel;
  segments: Array<{ literal: string } | { label: string }>;
}

export type RouteMatch =
  | { kind: 'matched'; op: OperationModel; labels: Record<string, string> }
  | { kind: 'none' };

// Routes with fewer labels first, so a literal segment wins over a label.
const routes: Route[] = servedOperations
  .map((op) => ({
  op,
  segments: op.uri
    .split('?')[0]
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const label = /^\{(\w+)\}$/.exec(part);
      return label ? { label: label[1] } : { literal: part };
    }),
  }))
  .sort((a, b) => a.segments.filter((s) => 'label' in s).length - b.segments.filter((s) => 'label' in s).length);

// The routes that can match a method and segment count, in the order above.
const candidates = new Map<string, Route[]>();
for (const route of routes) {
  const key = `${route.op.method} ${route.segments.length}`;
  candidates.set(key, [...(candidates.get(key) ?? []), route]);
}

function decodeSegment(segment: string): string | undefined {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function matchRoute(method: string, rawPath: string): RouteMatch {
  // A trailing slash is tolerated: older AWS CLI models send one (/profileNotifications/).
  const parts = rawPath.split('/').filter((p, i, all) => p !== '' || (i > 0 && i < all.length - 1));
  const decoded = parts.map(decodeSegment);
  if (decoded.some((d) => d === undefined)) return { kind: 'none' };
  for (const route of candidates.get(`${method} ${parts.length}`) ?? []) {
    const labels: Record<string, string> = {};
    const ok = route.segments.every((seg, i) => {
      if ('literal' in seg) return seg.literal === decoded[i];
      labels[seg.label] = decoded[i] as string;
      return decoded[i] !== '';
    });
    if (ok) return { kind: 'matched', op: route.op, labels };
  }
  return { kind: 'none' };
}
