// A refusal whose form is not on the page (a message or post gone meanwhile, a forged id, the author
// answering their own post): said at the top of the page rather than lost.
import { isActionFailure } from "~/components/form";

export function UnplacedFailure({ actionData, placed }: { actionData: unknown; placed: (values: Record<string, unknown>) => boolean }) {
  if (!isActionFailure(actionData) || placed(actionData.values)) return null;
  const messages = [actionData.formError, ...Object.values(actionData.errors)].filter(
    (m): m is string => typeof m === "string" && m !== "",
  );
  return (
    <div className="alert alert-error" role="alert">
      {messages.length ? messages.map((m) => <p key={m}>{m}</p>) : <p>Cette action n'a pas pu être faite : rechargez la page.</p>}
    </div>
  );
}
