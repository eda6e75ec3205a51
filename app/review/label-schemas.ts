// The forms of a call's labels (the management page) and of a dossier's labels (its page),
// shared by the browser and the actions.
import * as z from "zod";
import { nameText } from "~/lib/validation";
import { LABEL_COLOR_NAMES, LABEL_NAME_MAX } from "./labels";

/** A record id posted back by a form: never trusted, always looked up again within its call. */
export const recordId = (message = "Choisissez une étiquette de la liste.") =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(64, message)
    .regex(/^[A-Za-z0-9_-]+$/, message);

const labelName = nameText("Nom de l'étiquette", LABEL_NAME_MAX);
const labelColor = z.enum(LABEL_COLOR_NAMES, { error: "Choisissez une couleur de la liste." });

export const createLabelSchema = z.object({ name: labelName, color: labelColor });

export const updateLabelSchema = z.object({ labelId: recordId(), name: labelName, color: labelColor });

export const deleteLabelSchema = z.object({ labelId: recordId() });

/** Adding a label to one dossier, or taking it off. */
export const dossierLabelSchema = z.object({ labelId: recordId() });
