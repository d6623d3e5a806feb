import { createEffect, For, onCleanup } from "solid-js";
import "./chart.css";

// Chartist draws SVG that our style sheet colours (chart.css). It is loaded with the first chart:
// the page around it is readable before, and its tables carry the same figures.
const loadChartist = () => import("chartist");

export interface Series {
  label: string;
  /** null: nothing to draw (a masked count, no slot that day). */
  data: (number | null)[];
}

/** Past this many labels on the horizontal axis, only some are written, evenly spaced. */
const MAX_LABELS = 8;

/**
 * A chart for those who see it. To assistive technologies it is one image whose `summary` says
 * what it shows; the same figures always come in a table beside it. Its legend is text, and
 * each series has its own colour and, for lines, its own dash: colour alone says nothing.
 */
export function BarOrLineChart(props: {
  type: "bar" | "line";
  labels: readonly string[];
  series: readonly Series[];
  /** Bars piled up: the parts of one whole (honoured, no-show…). */
  stacked?: boolean;
  /** Says what the chart shows and where its figures are, e.g. « … : les chiffres sont dans le tableau qui suit. » */
  summary: string;
}) {
  let drawing!: HTMLDivElement;
  let disposed = false;
  let detach: (() => void) | undefined;
  createEffect(() => {
    const labels = [...props.labels];
    const every = Math.ceil(labels.length / MAX_LABELS);
    const data = { labels, series: props.series.map((s) => [...s.data]) };
    const axisX = {
      showGrid: props.type === "line",
      labelInterpolationFnc: (label: unknown, index: number) => (index % every === 0 ? String(label) : null),
    };
    const axisY = { onlyInteger: props.type === "bar", labelInterpolationFnc: (n: unknown) => Number(n).toLocaleString("fr-FR") };
    const type = props.type;
    const stacked = props.stacked ?? false;
    void loadChartist().then(({ BarChart, LineChart, Interpolation }) => {
      if (disposed) return;
      detach?.();
      const chart =
        type === "bar"
          ? new BarChart(drawing, data, { stackBars: stacked, seriesBarDistance: 12, axisX, axisY })
          : new LineChart(drawing, data, {
              axisX,
              axisY: { ...axisY, low: 0 },
              lineSmooth: Interpolation.none({ fillHoles: false }),
              showPoint: true,
            });
      detach = () => chart.detach();
    });
  });
  onCleanup(() => {
    disposed = true;
    detach?.();
  });
  return (
    <figure class="chart" classList={{ "chart--line": props.type === "line" }}>
      <div ref={drawing} class="chart__drawing" role="img" aria-label={props.summary} />
      <figcaption>
        <ul class="chart__legend" aria-hidden="true">
          <For each={props.series}>
            {(series, index) => (
              <li class="chart__key" data-series={String.fromCharCode(97 + index())}>
                {series.label}
              </li>
            )}
          </For>
        </ul>
      </figcaption>
    </figure>
  );
}
