import { createContext, useContext, useEffect, type ReactNode } from 'react';

/**
 * The layout's help panel (the tools drawer on the right, as in the AWS console): a page
 * puts its help there with useHelpPanel, and opens it when the reader chooses Info.
 * At every width it opens over or beside the content, never far below it.
 */
export interface HelpPanelState {
  setContent(content: ReactNode | undefined): void;
  open(): void;
}

export const HelpPanelContext = createContext<HelpPanelState>({ setContent: () => undefined, open: () => undefined });

/** Shows `content` in the help panel while the page is shown; returns `open` for Info links. */
export function useHelpPanel(content: ReactNode | undefined): () => void {
  const { setContent, open } = useContext(HelpPanelContext);
  useEffect(() => setContent(content), [content, setContent]);
  useEffect(() => () => setContent(undefined), [setContent]);
  return open;
}
