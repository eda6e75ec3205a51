import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  LiveReload,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getUser } from "~/accounts/auth.server";
import { useNonce } from "~/components/nonce";
import { readFlash } from "~/lib/flash.server";
import { pageTitle, useCcas } from "~/lib/meta";
import { getPortalSettings } from "~/settings/portal-settings.server";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: pageTitle(matches, "Réseau des associations") },
  { name: "description", content: "Annuaire des associations de solidarité, appels à projets, charte et événements du CCAS." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, { flash, setCookie }, settings] = await Promise.all([getUser(request), readFlash(request), getPortalSettings()]);
  // What the layout shows of the CCAS; the logo's address changes with the settings (cache busting).
  const ccas = {
    name: settings.name,
    longName: settings.longName,
    logoUrl: settings.hasLogo ? `/logo?v=${settings.updatedAt?.getTime() ?? 0}` : null,
  };
  return data(
    { user: user ? { name: user.name, role: user.role } : null, flash, ccas },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Header() {
  const root = useRootData();
  const user = root?.user;
  const ccas = useCcas();
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          {ccas.logoUrl ? (
            <img className="brand-logo" src={ccas.logoUrl} alt="" />
          ) : (
            <span className="brand-mark" aria-hidden="true">
              CCAS
            </span>
          )}
          <span className="brand-text">
            <strong>Réseau des associations</strong>
            <span>{ccas.longName}</span>
          </span>
        </Link>
        <div className="header-account">
          {user ? (
            <>
              <span className="header-user">{user.name}</span>
              <Link to="/espace">Mon espace</Link>
              <Link to="/espace/compte">Mon compte</Link>
              {user.role === "staff" || user.role === "admin" ? <Link to="/instruction">Instruction</Link> : null}
              {user.role === "admin" ? <Link to="/admin">Administration</Link> : null}
              <form method="post" action="/deconnexion">
                <button type="submit" className="link-button">
                  Se déconnecter
                </button>
              </form>
            </>
          ) : (
            <>
              <Link to="/connexion">Se connecter</Link>
              <Link to="/inscription" className="button button-small">
                Inscrire une association
              </Link>
            </>
          )}
        </div>
      </div>
      <nav aria-label="Navigation principale" className="main-nav">
        <ul className="container">
          <li>
            <NavLink to="/annuaire">Annuaire</NavLink>
          </li>
          <li>
            <NavLink to="/appels-a-projets">Appels à projets</NavLink>
          </li>
          <li>
            <NavLink to="/evenements">Événements</NavLink>
          </li>
          <li>
            <NavLink to="/charte">Charte de l'action sociale</NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}

function Footer() {
  const ccas = useCcas();
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <p>
          <strong>{ccas.name}</strong> – portail du réseau des associations de solidarité.
        </p>
        <ul>
          <li>
            <Link to="/accessibilite">Accessibilité : partiellement conforme</Link>
          </li>
          <li>
            <Link to="/donnees-personnelles">Données personnelles</Link>
          </li>
          <li>
            <Link to="/donnees">Données ouvertes</Link>
          </li>
          <li>
            <Link to="/financements">Ce que le CCAS a financé</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}

function FlashMessage() {
  const root = useRootData();
  if (!root?.flash) return null;
  return (
    <div className={`container`}>
      <div className={`alert alert-${root.flash.kind}`} role="status">
        {root.flash.message}
      </div>
    </div>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#contenu" className="skip-link">
          Aller au contenu
        </a>
        <Header />
        <FlashMessage />
        <main id="contenu" tabIndex={-1}>
          {children}
        </main>
        <Footer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        {process.env.NODE_ENV === "development" ? <LiveReload nonce={nonce} /> : null}
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  useFocusMainOnNavigation();
  return <Outlet />;
}

/**
 * After a client-side move to another page, focus the main content, as a full page load
 * would reset it: keyboard and screen-reader users start on the new page, not on the old link.
 * Search parameters alone (the directory's search-as-you-type) leave the focus where it is.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("contenu")?.focus({ preventScroll: true });
  }, [pathname]);
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage error={error} />;
}

export function ErrorPage({ error }: { error: unknown }) {
  let title = "Une erreur est survenue";
  let message = "Le service a rencontré un problème. Réessayez dans un instant ; si le problème persiste, contactez le CCAS.";
  if (isRouteErrorResponse(error)) {
    const detail = (error.data as { message?: string } | null)?.message;
    if (error.status === 404) {
      title = "Page introuvable";
      message = detail ?? "Cette page n'existe pas ou vous n'y avez pas accès.";
    } else if (error.status === 403) {
      title = "Accès refusé";
      message = detail ?? "Vous n'avez pas accès à cette page.";
    } else if (error.status === 429) {
      title = "Trop de tentatives";
      message = detail ?? "Réessayez plus tard.";
    } else if (error.status === 400) {
      title = "Requête invalide";
      message = detail ?? message;
    }
  } else if (error instanceof Error) {
    console.error(error);
  }
  return (
    <div className="container page">
      <h1>{title}</h1>
      {/* A refused request says why where assistive technology announces it. */}
      <p role={isRouteErrorResponse(error) && error.status === 400 ? "alert" : undefined}>{message}</p>
      <p>
        <Link to="/">Retour à l'accueil</Link>
      </p>
    </div>
  );
}
