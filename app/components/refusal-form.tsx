// "Refuse with a reason" on a card of a review list (sign-ups, claims): the reason is sent to the
// person, and a refused post shows its message and keeps what was typed, on that card only.
import { Form } from "@remix-run/react";

export function RefusalForm({
  idName,
  id,
  reasonLabel,
  buttonLabel,
  typedReason,
  error,
}: {
  /** The hidden field naming the record ("associationId", "claimId"). */
  idName: string;
  id: string;
  reasonLabel: string;
  buttonLabel: string;
  /** The reason as typed when this card's post was refused. */
  typedReason?: string;
  error?: string;
}) {
  const reasonId = `reason-${id}`;
  return (
    <Form method="post" className="form-section">
      <input type="hidden" name={idName} value={id} />
      <div className={`field ${error ? "field-invalid" : ""}`}>
        <label htmlFor={reasonId} className="field-label">
          {reasonLabel}
        </label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          defaultValue={typedReason ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${reasonId}-error` : undefined}
        />
        {error ? (
          <p className="field-error" id={`${reasonId}-error`}>
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" name="intent" value="refuse" className="button button-danger">
        {buttonLabel}
      </button>
    </Form>
  );
}
