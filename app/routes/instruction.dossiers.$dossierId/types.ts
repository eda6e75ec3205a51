// The page's data as its parts receive it.
import type { useLoaderData } from "@remix-run/react";
import type { loader } from "./route";

export type ReviewPageData = ReturnType<typeof useLoaderData<typeof loader>>;
export type ReviewDossier = ReviewPageData["dossier"];

/** The action's answer for the form of one intent (each form shows only its own server errors). */
export type DataFor = (intent: string) => unknown;
