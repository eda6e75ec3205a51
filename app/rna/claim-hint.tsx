// Inside the sign-up form: as soon as the RNA number typed names an imported entry nobody has taken
// over, the form says the sign-up will be a request to take it over (the page after sending says it too).
import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { useFormContext } from "~/components/form-context";
import { CLAIM_MATCH_NOTICE } from "~/rna/emails";

const RNA = /^W[0-9A-Z]{9}$/;

export function RnaClaimHint() {
  const { form } = useFormContext();
  const typed = String(form.watch("rna") ?? "")
    .replace(/\s+/g, "")
    .toUpperCase();
  const fetcher = useFetcher<{ match: { name: string; url: string } | null }>();
  const { load } = fetcher;
  useEffect(() => {
    if (RNA.test(typed)) load(`/api/fiches-rna?rna=${encodeURIComponent(typed)}`);
  }, [typed, load]);
  const match = RNA.test(typed) ? fetcher.data?.match : null;
  return (
    <div role="status" aria-live="polite">
      {match ? (
        <p className="alert alert-warning">
          {CLAIM_MATCH_NOTICE} (<a href={match.url}>{match.name}</a>)
        </p>
      ) : null}
    </div>
  );
}
