// The CCAS's logo, for the header and the documents: public, 404 when there is none.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { logoResponse } from "~/settings/logo.server";

export const loader = ({ request }: LoaderFunctionArgs) => logoResponse(request);
