// The deposits of the dossier with their attestation and the dossier as deposited (PDF), for staff.
import { DepositRecords, type DepositRecordView } from "~/dossiers/deposit-records";

export function SubmissionsSection({ dossierId, records }: { dossierId: string; records: DepositRecordView[] }) {
  return (
    <section className="card stack" id="depots" aria-labelledby="depots-titre">
      <h2 id="depots-titre">Dépôts et attestations</h2>
      <DepositRecords records={records} base={`/instruction/dossiers/${dossierId}/depots`} />
    </section>
  );
}
