/**
 * After a check fails, the first field it marked is scrolled to and focused, so that the
 * message at it is seen (and read out) at once, whatever the window's size. Runs after
 * the next paint, once the fields have their error state.
 */
export function focusFirstError(): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (!field) return;
      field.scrollIntoView({ block: 'center' });
      field.focus({ preventScroll: true });
    }),
  );
}
