import * as z from "zod";
import { emailSchema, nameText, passwordSchema } from "~/lib/validation";

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Le mot de passe est obligatoire." }).min(1, "Le mot de passe est obligatoire."),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    password: passwordSchema,
    confirmation: z.string({ error: "Confirmez le mot de passe." }).min(1, "Confirmez le mot de passe."),
  })
  .refine((v) => v.password === v.confirmation, { path: ["confirmation"], message: "Les deux mots de passe ne sont pas identiques." });

export const acceptInvitationSchema = z.object({
  name: nameText("Votre nom", 120),
  password: passwordSchema,
});

export const inviteMemberSchema = z.object({ email: emailSchema });

export const createStaffSchema = z.object({
  name: nameText("Nom", 120),
  email: emailSchema,
  role: z.enum(["staff", "admin"], { error: "Rôle : choisissez instructeur·rice ou administrateur·rice." }),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Indiquez votre mot de passe actuel." }).min(1, "Indiquez votre mot de passe actuel."),
    password: passwordSchema,
    confirmation: z.string({ error: "Confirmez le nouveau mot de passe." }).min(1, "Confirmez le nouveau mot de passe."),
  })
  .refine((v) => v.password === v.confirmation, { path: ["confirmation"], message: "Les deux mots de passe ne sont pas identiques." });
