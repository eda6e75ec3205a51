process.env.TZ = "Europe/Paris";
const { default: OH } = await import("opening_hours");
const nom = { lat: 47.24, lon: 6.02, address: { country_code: "fr", state: "Bourgogne-Franche-Comté" } };
const oh = new OH("Mo-Fr 09:00-12:00,14:00-17:00; Sa off; PH off", nom);
console.log(oh.getWarnings());
console.log(oh.getState(new Date("2026-05-25T10:00:00+02:00")), oh.getState(new Date("2026-05-26T10:00:00+02:00")));
console.log(oh.getState(new Date("2026-05-08T10:00:00+02:00")));
