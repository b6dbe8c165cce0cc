/**
 * Every page of a NextToken-paged list, in order: `allPages((NextToken) => wa.send(new
 * ListXCommand({ NextToken })), (out) => out.XSummaries)`. Lists in the console are read
 * whole so that Cloudscape's collection hooks can filter, sort and paginate them locally.
 */
export async function allPages<Out extends { NextToken?: string }, Item>(
  fetchPage: (nextToken: string | undefined) => Promise<Out>,
  itemsOf: (out: Out) => Item[] | undefined,
  limit = 10_000,
): Promise<Item[]> {
  const items: Item[] = [];
  let token: string | undefined;
  do {
    const out = await fetchPage(token);
    items.push(...(itemsOf(out) ?? []));
    token = out.NextToken;
  } while (token && items.length < limit);
  return items;
}
