// What the staff dossier page says in each state of the dossier: the decision panel's heading,
// its sentence and the actions it offers, and the scoring section's sentence. One pure function,
// so that no part of the page says something the state contradicts.
import { stateLabel } from "~/dossiers/dossier-states";

export type DeskActions = { startInstruction: boolean; requestCorrection: boolean; decide: boolean };

export type DeskTexts = {
  /** The decision panel's sentence. */
  panel: string;
  actions: DeskActions;
  /**
   * Whether the scoring grid takes notes (`open`), whether it is over for good (`closed`: the
   * dossier is decided, no more notes nor conflicts declared), what the section says when not open.
   */
  scoring: { open: boolean; closed: boolean; text: string | null };
};

const DECIDED = ["accepte", "refuse", "sans_suite"];

export function deskTexts(state: string, { correctionPending = false }: { correctionPending?: boolean } = {}): DeskTexts {
  if (state === "en_construction") {
    return {
      panel: correctionPending
        ? "Des corrections sont demandées : le dossier attend le nouveau dépôt de l'association. Vous pouvez aussi le passer en instruction sans attendre (la demande est alors close)."
        : "Déposé et encore modifiable par l'association. En le passant en instruction, vous le figez ; vous pouvez aussi lui demander des corrections.",
      actions: { startInstruction: true, requestCorrection: !correctionPending, decide: false },
      scoring: { open: false, closed: false, text: "La notation s'ouvre quand le dossier est en instruction." },
    };
  }
  if (state === "en_instruction") {
    return {
      panel: "En instruction : l'association ne peut plus modifier le dossier. Demandez-lui des corrections, ou décidez.",
      actions: { startInstruction: false, requestCorrection: true, decide: true },
      scoring: { open: true, closed: false, text: null },
    };
  }
  if (DECIDED.includes(state)) {
    return {
      panel: `Le dossier est décidé : ${stateLabel(state).toLowerCase()}. Plus aucune décision n'est à prendre.`,
      actions: { startInstruction: false, requestCorrection: false, decide: false },
      scoring: { open: false, closed: true, text: "La notation est close : le dossier est décidé." },
    };
  }
  // A draft never reaches the page (requireDossierAccess answers 404); said plainly all the same.
  return {
    panel: "Le dossier n'est pas encore déposé.",
    actions: { startInstruction: false, requestCorrection: false, decide: false },
    scoring: { open: false, closed: false, text: "La notation s'ouvre quand le dossier est en instruction." },
  };
}
