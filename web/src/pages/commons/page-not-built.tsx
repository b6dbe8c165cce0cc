import Alert from '@cloudscape-design/components/alert';

/** Shown by a page whose screen is not built yet, so the console never fakes one. */
export function PageNotBuilt({ name }: { name: string }) {
  return <Alert type="info" header="Not yet available">The {name} page is not built yet.</Alert>;
}
