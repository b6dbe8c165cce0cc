import CloudscapePagination, { type PaginationProps } from '@cloudscape-design/components/pagination';

/** Names for the page arrows and numbers, which are icons and digits only: screen readers need words. */
const LABELS: PaginationProps.Labels = {
  nextPageLabel: 'Next page',
  previousPageLabel: 'Previous page',
  pageLabel: (pageNumber) => `Page ${pageNumber}`,
};

/** Cloudscape's Pagination with its controls named, for every table of the console. */
export function Pagination(props: PaginationProps) {
  return <CloudscapePagination ariaLabels={LABELS} {...props} />;
}
