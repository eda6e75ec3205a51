// The map of a directory page's results: Leaflet loaded in the browser only (the server and a
// browser without JavaScript render the section's text, and the list stays the accessible view).
import { useEffect, useRef, useState } from "react";
import type { MapSettings } from "./map-tiles";

export type MapResult = { id: string; slug: string; name: string; position: { lat: number; lng: number } | null };

type Props = { results: MapResult[]; settings: MapSettings; label: string };

// Besançon's centre when there is nothing to show; any town's results refit the view.
const DEFAULT_VIEW = { center: [47.2378, 6.0241] as [number, number], zoom: 12 };

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function ResultsMap({ results, settings, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<import("leaflet").Map | null>(null);
  const layer = useRef<import("leaflet").LayerGroup | null>(null);
  const leaflet = useRef<typeof import("leaflet") | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void import("leaflet").then((module) => {
      const L = (module as { default?: typeof import("leaflet") }).default ?? module;
      if (cancelled || !container.current || map.current) return;
      leaflet.current = L;
      map.current = L.map(container.current, { scrollWheelZoom: false }).setView(DEFAULT_VIEW.center, DEFAULT_VIEW.zoom);
      L.tileLayer(settings.tileUrl, { attribution: escapeHtml(settings.attribution), maxZoom: 18 }).addTo(map.current);
      map.current.attributionControl.setPrefix(false);
      layer.current = L.layerGroup().addTo(map.current);
      setReady(true);
    });
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
      layer.current = null;
    };
  }, [settings.tileUrl, settings.attribution]);

  useEffect(() => {
    const L = leaflet.current;
    if (!ready || !L || !map.current || !layer.current) return;
    layer.current.clearLayers();
    const placed = results.filter((r) => r.position);
    for (const result of placed) {
      const { lat, lng } = result.position!;
      const icon = L.divIcon({
        className: "map-marker",
        html: '<span aria-hidden="true"></span>',
        iconSize: [22, 22],
        iconAnchor: [11, 22],
      });
      const link = document.createElement("a");
      link.href = `/annuaire/${result.slug}`;
      link.textContent = result.name;
      L.marker([lat, lng], { icon, title: result.name, alt: result.name, keyboard: true }).bindPopup(link).addTo(layer.current);
    }
    if (placed.length > 0) {
      map.current.fitBounds(L.latLngBounds(placed.map((r) => [r.position!.lat, r.position!.lng])), { padding: [30, 30], maxZoom: 15 });
    }
  }, [ready, results]);

  return (
    <>
      {ready ? null : <p className="muted small">La carte s'affiche lorsque JavaScript est activé.</p>}
      <div ref={container} className="results-map" role="region" aria-label={label} data-ready={ready || undefined} />
    </>
  );
}
