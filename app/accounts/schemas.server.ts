// The same schemas for actions only: a ".server" import never reaches the browser bundle, so
// public pages can load the form's copy lazily (see ValidatedForm's `schema` prop).
export * from "./schemas";
