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
  /** Bars drawn across, their labels written in full beside them: for names (structures…), not months. */
  horizontal?: boolean;
  /** Says what the chart shows and where its figures are, e.g. « … : les chiffres sont dans le tableau qui suit. » */
  summary: string;
}) {
  let drawing!: HTMLDivElement;
  let disposed = false;
  let detach: (() => void) | undefined;
  createEffect(() => {
    // Across, Chartist draws the first label at the bottom: reversed, the rows read top-down as in the table.
    const across = props.horizontal ?? false;
    const inOrder = <T,>(list: readonly T[]) => (across ? [...list].reverse() : [...list]);
    const labels = inOrder(props.labels);
    const every = Math.ceil(labels.length / MAX_LABELS);
    const data = { labels, series: props.series.map((s) => inOrder(s.data)) };
    const axisX = {
      showGrid: props.type === "line",
      labelInterpolationFnc: (label: unknown, index: number) => (index % every === 0 ? String(label) : null),
    };
    const axisY = { onlyInteger: props.type === "bar", labelInterpolationFnc: (n: unknown) => Number(n).toLocaleString("fr-FR") };
    const type = props.type;
    const stacked = props.stacked ?? false;
    // Names beside horizontal bars are cut to what their column holds; the table has them whole.
    const short = (label: unknown) => {
      const text = String(label);
      return text.length > 22 ? `${text.slice(0, 21)}…` : text;
    };
    void loadChartist().then(({ BarChart, LineChart, Interpolation }) => {
      if (disposed) return;
      detach?.();
      const chart =
        type === "bar"
          ? new BarChart(
              drawing,
              data,
              across
                ? {
                    horizontalBars: true,
                    stackBars: stacked,
                    // Room for the last value of the axis, which Chartist centres on its tick.
                    chartPadding: { top: 15, right: 24, bottom: 5, left: 10 },
                    axisY: { offset: 170, showGrid: false, labelInterpolationFnc: short },
                    axisX: { onlyInteger: true, labelInterpolationFnc: axisY.labelInterpolationFnc },
                  }
                : { stackBars: stacked, seriesBarDistance: 12, axisX, axisY },
            )
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
    <figure class="chart" classList={{ "chart--line": props.type === "line", "chart--across": props.horizontal }}>
      <div
        ref={drawing}
        class="chart__drawing"
        role="img"
        aria-label={props.summary}
        style={props.horizontal ? { height: `${4 + props.labels.length * 2}rem` } : undefined}
      />
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
