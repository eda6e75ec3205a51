import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { diffTexts } from "~/charter/diff";
import { getPublishedVersion, listPublishedVersions } from "~/charter/versions.server";
import { CharterDiff } from "~/charter/charter-diff";
import { formatDate } from "~/lib/format";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Versions de la charte de l'action sociale") }];

function versionParam(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const versions = await listPublishedVersions();
  const numbers = versions.map((v) => v.version!);
  let from = versionParam(url.searchParams.get("de"));
  let to = versionParam(url.searchParams.get("a"));
  if (from === null && to === null && numbers.length >= 2) {
    to = numbers[0];
    from = numbers[1];
  }
  let comparison = null;
  if (from !== null && to !== null) {
    const [a, b] = await Promise.all([getPublishedVersion(from), getPublishedVersion(to)]);
    comparison =
      a && b
        ? { from, to, titleParts: diffTexts(a.title, b.title), parts: diffTexts(a.body, b.body) }
        : { from, to, missing: true as const };
  }
  return {
    versions: versions.map((v) => ({ ...v, signatures: v._count.signatures })),
    comparison,
  };
}

export default function CharterVersions() {
  const { versions, comparison } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/charte">‹ La charte</Link>
      </p>
      <h1>Versions de la charte</h1>
      {versions.length === 0 ? <p>Aucune version n'est encore publiée.</p> : null}
      {versions.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Versions publiées de la charte, de la plus récente à la plus ancienne</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Publiée le</th>
                <th scope="col">Ce qui change</th>
                <th scope="col">Signatures</th>
                <th scope="col">Empreinte SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => (
                <tr key={v.id}>
                  <td>
                    <Link to={`/charte/versions/${v.version}`}>Version {v.version}</Link>
                    {i === 0 ? " (en vigueur)" : ""}
                  </td>
                  <td>{formatDate(v.publishedAt!)}</td>
                  <td>{v.changeNote ?? "—"}</td>
                  <td>{v.signatures}</td>
                  <td>
                    <code className="small" style={{ overflowWrap: "anywhere" }}>
                      {v.sha256}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {versions.length >= 2 ? (
        <>
          <h2>Comparer deux versions</h2>
          <Form method="get" className="search-bar">
            <div className="field">
              <label htmlFor="de" className="field-label">
                De la version
              </label>
              <select id="de" name="de" defaultValue={comparison?.from ?? ""}>
                {versions.map((v) => (
                  <option key={v.id} value={v.version!}>
                    Version {v.version}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="a" className="field-label">
                À la version
              </label>
              <select id="a" name="a" defaultValue={comparison?.to ?? ""}>
                {versions.map((v) => (
                  <option key={v.id} value={v.version!}>
                    Version {v.version}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              Comparer
            </button>
          </Form>
        </>
      ) : null}
      {comparison ? (
        "missing" in comparison ? (
          <p className="alert alert-error" role="alert">
            La version {comparison.from} ou la version {comparison.to} n'existe pas.
          </p>
        ) : (
          <>
            <h2>
              Modifications de la version {comparison.from} à la version {comparison.to}
            </h2>
            {comparison.titleParts.some((p) => p.kind !== "same") ? (
              <>
                <h3>Titre</h3>
                <CharterDiff parts={comparison.titleParts} label="Modifications du titre" />
              </>
            ) : null}
            <h3>Texte</h3>
            <CharterDiff
              parts={comparison.parts}
              label={`Modifications du texte, de la version ${comparison.from} à la version ${comparison.to}`}
            />
          </>
        )
      ) : null}
    </div>
  );
}
