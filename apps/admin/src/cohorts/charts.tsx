import {
  Bar,
  BarChart,
  CartesianGrid,
  Funnel,
  FunnelChart,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { humanize, percent } from "@/lib/utils";
import type { Dashboard } from "./queries";

const TEAL = ["#134e4a", "#115e59", "#0f766e", "#0d9488", "#14b8a6", "#2dd4bf", "#5eead4", "#99f6e4", "#ccfbf1"];
const OUTCOME_COLORS: Record<string, string> = {
  rejected: "#94a3b8",
  no_response: "#cbd5e1",
  withdrawn: "#a78bfa",
  pending: "#fbbf24",
  offer: "#10b981",
};
const OUTCOME_LABEL: Record<string, string> = {
  rejected: "Rejected",
  no_response: "No response",
  withdrawn: "Withdrew",
  pending: "Waiting",
  offer: "Offer",
};

/** Enrolled → each step sent → delivered → replied → offer, by candidate. */
export function StageFunnel({ stages }: { stages: Dashboard["stages"] }) {
  const data = stages.map((s, i) => ({
    name: s.key.startsWith("sent:") ? `${humanize(s.key.slice(5))} sent` : s.label,
    value: s.count,
    fill: TEAL[Math.min(i, TEAL.length - 1)],
  }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(220, data.length * 34)}>
      <FunnelChart margin={{ top: 4, right: 160, bottom: 4, left: 4 }}>
        <Tooltip formatter={(v) => [String(v), "candidates"]} />
        <Funnel dataKey="value" data={data} isAnimationActive={false} lastShapeType="rectangle">
          <LabelList dataKey="name" content={StageName} />
          <LabelList position="center" dataKey="value" fill="#fff" stroke="none" fontSize={12} fontWeight={600} />
        </Funnel>
      </FunnelChart>
    </ResponsiveContainer>
  );
}

/**
 * A stage's name on one line, in the column right of the funnel (the chart's right margin).
 * Recharts' own "right" label sits at each row's edge and wraps in the narrowing rows
 * ("Keep / applying / sent" over the shape); the funnel's full width is the plot area's.
 */
function StageName({ value, viewBox, parentViewBox }: { value?: unknown; viewBox?: unknown; parentViewBox?: unknown }) {
  const box = viewBox as { y?: number; height?: number } | undefined;
  const plot = parentViewBox as { x?: number; width?: number } | undefined;
  if (box?.y === undefined || plot?.x === undefined || plot.width === undefined) return null;
  return (
    <text
      x={plot.x + plot.width + 8}
      y={box.y + (box.height ?? 0) / 2}
      dominantBaseline="central"
      fill="#334155"
      fontSize={12}
    >
      {String(value ?? "")}
    </text>
  );
}

export function ReplyRateChart({ funnel }: { funnel: Dashboard["funnel"] }) {
  const data = funnel.map((f) => ({ step: humanize(f.step), rate: Math.round(f.replyRate * 100), sent: f.sent }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 16, right: 8, bottom: 4, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="step" tick={{ fontSize: 11 }} interval={0} />
        <YAxis unit="%" domain={[0, 100]} tick={{ fontSize: 11 }} />
        <Tooltip formatter={(v) => [`${v}%`, "replied"]} />
        <Bar dataKey="rate" fill="#0d9488" radius={[4, 4, 0, 0]} isAnimationActive={false}>
          <LabelList dataKey="rate" position="top" formatter={(v) => `${v}%`} fontSize={11} fill="#334155" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function ThemeChart({ themes }: { themes: Dashboard["themes"] }) {
  const data = Object.entries(themes)
    .map(([theme, count]) => ({ theme: humanize(theme), count }))
    .sort((a, b) => b.count - a.count);
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, data.length * 28 + 20)}>
      <BarChart data={data} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 24 }}>
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis type="category" dataKey="theme" width={130} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(v) => [String(v), "reflections"]} />
        <Bar dataKey="count" fill="#0f766e" radius={[0, 4, 4, 0]} isAnimationActive={false}>
          <LabelList dataKey="count" position="right" fontSize={11} fill="#334155" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function OutcomesChart({ series }: { series: Dashboard["outcomesOverTime"] }) {
  const keys = [...new Set(series.flatMap((s) => Object.keys(s.outcomes)))];
  const week = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
  const data = series.map((s) => ({ week: `wk of ${week.format(new Date(s.week))}`, ...s.outcomes }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="week" tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Legend formatter={(k) => OUTCOME_LABEL[k] ?? k} wrapperStyle={{ fontSize: 12 }} />
        {keys.map((k) => (
          <Bar key={k} dataKey={k} stackId="o" fill={OUTCOME_COLORS[k] ?? "#64748b"} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export { percent };
