import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * A refused post (already done in another tab, a double click) still reloads the page's data, so the page shows
 * what is now true next to the refusal; with single fetch Remix would otherwise skip loaders after a 4xx answer.
 */
export const reloadAfterRefusedPost: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 && actionStatus < 500 ? true : defaultShouldRevalidate;
