// The settings pages' own navigation, under the link back to the administration home.
import { Link, useLocation } from "@remix-run/react";
import { SETTINGS_PATH, SETTINGS_SECTIONS } from "~/settings/settings-paths";

export function SettingsNav() {
  const { pathname } = useLocation();
  const current = [...SETTINGS_SECTIONS]
    .sort((a, b) => b.href.length - a.href.length)
    .find((s) => pathname === s.href || (s.href !== SETTINGS_PATH && pathname.startsWith(`${s.href}/`)));
  return (
    <>
      <p>
        <Link to="/admin">‹ Administration</Link>
      </p>
      <nav aria-label="Paramètres du portail">
        <ul className="steps">
          {SETTINGS_SECTIONS.map((section) => (
            <li key={section.href}>
              <Link to={section.href} aria-current={current?.href === section.href ? "page" : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
