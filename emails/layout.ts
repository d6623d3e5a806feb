import type { RenderedEmail } from "./appointment.ts";
import { escapeHtml } from "./format.ts";

/** A block of a message: a paragraph, or labelled lines, or a link; a heading over a part of a longer one. */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string }
  | { kind: "facts"; facts: [label: string, value: string][] }
  | { kind: "link"; label: string; url: string };

/**
 * One message in both parts from the same blocks: plain text for every mail client, and a
 * sober, accessible HTML (real headings, lang="fr", no images, no layout tables).
 */
export function render(subject: string, title: string, blocks: Block[]): RenderedEmail {
  const text = [title, "", ...blocks.map(textOf), "—", "RDV Orientation — Service public régional de l'orientation"].join("\n");
  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1a1a1a; line-height: 1.5; max-width: 40em; margin: 0 auto; padding: 1em;">
<h1 style="font-size: 1.4em; color: #1f3d7a;">${escapeHtml(title)}</h1>
${blocks.map(htmlOf).join("\n")}
<hr><p style="font-size: 0.9em; color: #4a4a4a;">RDV Orientation — Service public régional de l'orientation</p>
</body></html>`;
  return { subject, text, html };
}

function textOf(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${block.text}\n${"-".repeat(block.text.length)}`;
    case "text":
      return `${block.text}\n`;
    case "facts":
      return `${block.facts.map(([label, value]) => `${label} : ${value}`).join("\n")}\n`;
    case "link":
      return `${block.label} : ${block.url}\n`;
  }
}

function htmlOf(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h2 style="font-size: 1.15em; color: #1f3d7a; margin-top: 1.5em;">${escapeHtml(block.text)}</h2>`;
    case "text":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "facts":
      return `<dl>${block.facts
        .map(
          ([label, value]) =>
            `<dt style="font-weight: bold;">${escapeHtml(label)}</dt><dd style="margin: 0 0 0.5em 0;">${escapeHtml(value)}</dd>`,
        )
        .join("")}</dl>`;
    case "link":
      return `<p><a href="${escapeHtml(block.url)}" style="color: #1f3d7a;">${escapeHtml(block.label)}</a></p>`;
  }
}
