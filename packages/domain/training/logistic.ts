/**
 * One-vs-rest logistic regression over sparse binary features, trained by full-batch
 * Adam in a fixed order: the same data always gives the same weights (no shuffling,
 * no random start). A reflection is a bag of instances (its sentences); its score
 * for a theme is a soft maximum of the instance scores, so one sentence about nerves
 * is enough for "nonverbal" however long the reply is. Doc-level features (the
 * wording rules' scores, words of the whole reply) are added once to the pooled score.
 *
 * Weights are laid out feature-major (`weights[f * classes + c]`), so one pass over
 * a sentence's features scores every class at once.
 */

export interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

export interface TrainingDoc {
  instances: SparseVector[];
  doc: SparseVector;
  labels: boolean[];
}

export interface TrainOptions {
  features: number;
  classes: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty on the mean loss, per class (one number: the same for all). */
  l2: number | readonly number[];
  /** Sharpness of the soft maximum over sentences (large = hard max). */
  sharpness: number;
  /** Weight of positive examples in the loss, per class (themes are rare in any one reply). */
  positiveWeight: number | readonly number[];
}

export interface LinearModel {
  /** weights[f * classes + c] */
  weights: Float64Array;
  bias: Float64Array;
  classes: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const perClass = (v: number | readonly number[], classes: number): Float64Array =>
  Float64Array.from({ length: classes }, (_, c) => (typeof v === "number" ? v : (v[c] ?? 0)));

/** Docs flattened into one compressed sparse layout, so an epoch allocates nothing. */
interface Packed {
  /** Per doc: first instance; per instance: first entry. */
  docStart: Int32Array;
  instStart: Int32Array;
  index: Int32Array;
  value: Float64Array;
  docFeatStart: Int32Array;
  docIndex: Int32Array;
  docValue: Float64Array;
  labels: Uint8Array;
  maxInstances: number;
}

function pack(docs: readonly TrainingDoc[], classes: number): Packed {
  let instances = 0;
  let entries = 0;
  let docEntries = 0;
  let maxInstances = 0;
  for (const d of docs) {
    instances += d.instances.length;
    maxInstances = Math.max(maxInstances, d.instances.length);
    for (const inst of d.instances) entries += inst.index.length;
    docEntries += d.doc.index.length;
  }
  const p: Packed = {
    docStart: new Int32Array(docs.length + 1),
    instStart: new Int32Array(instances + 1),
    index: new Int32Array(entries),
    value: new Float64Array(entries),
    docFeatStart: new Int32Array(docs.length + 1),
    docIndex: new Int32Array(docEntries),
    docValue: new Float64Array(docEntries),
    labels: new Uint8Array(docs.length * classes),
    maxInstances,
  };
  let s = 0;
  let e = 0;
  let de = 0;
  docs.forEach((d, i) => {
    p.docStart[i] = s;
    p.docFeatStart[i] = de;
    p.docIndex.set(d.doc.index, de);
    p.docValue.set(d.doc.value, de);
    de += d.doc.index.length;
    for (const inst of d.instances) {
      p.instStart[s++] = e;
      p.index.set(inst.index, e);
      p.value.set(inst.value, e);
      e += inst.index.length;
    }
    for (let c = 0; c < classes; c++) p.labels[i * classes + c] = d.labels[c] ? 1 : 0;
  });
  p.docStart[docs.length] = s;
  p.instStart[s] = e;
  p.docFeatStart[docs.length] = de;
  return p;
}

export function train(docs: readonly TrainingDoc[], o: TrainOptions): LinearModel {
  const C = o.classes;
  const size = o.features * C;
  const model: LinearModel = { weights: new Float64Array(size), bias: new Float64Array(C), classes: C };
  const W = model.weights;
  const l2 = perClass(o.l2, C);
  const positive = perClass(o.positiveWeight, C);
  const p = pack(docs, C);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const mb = new Float64Array(C);
  const vb = new Float64Array(C);
  const grad = new Float64Array(size);
  const gb = new Float64Array(C);
  const g = new Float64Array(C);
  const logits = new Float64Array(C);
  const z = new Float64Array(Math.max(1, p.maxInstances) * C);
  const b1 = 0.9;
  const b2 = 0.999;
  const n = docs.length;
  const k = o.sharpness;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    grad.fill(0);
    gb.fill(0);
    for (let d = 0; d < n; d++) {
      logits.set(model.bias);
      const f0 = p.docFeatStart[d] as number;
      const f1 = p.docFeatStart[d + 1] as number;
      for (let e = f0; e < f1; e++) {
        const base = (p.docIndex[e] as number) * C;
        const x = p.docValue[e] as number;
        for (let c = 0; c < C; c++) logits[c] = (logits[c] as number) + (W[base + c] as number) * x;
      }
      const s0 = p.docStart[d] as number;
      const S = (p.docStart[d + 1] as number) - s0;
      z.fill(0, 0, S * C);
      for (let s = 0; s < S; s++) {
        const e0 = p.instStart[s0 + s] as number;
        const e1 = p.instStart[s0 + s + 1] as number;
        const zs = s * C;
        for (let e = e0; e < e1; e++) {
          const base = (p.index[e] as number) * C;
          const x = p.value[e] as number;
          for (let c = 0; c < C; c++) z[zs + c] = (z[zs + c] as number) + (W[base + c] as number) * x;
        }
      }
      if (S > 0) {
        // z becomes each instance's share of the soft maximum.
        for (let c = 0; c < C; c++) {
          let max = Number.NEGATIVE_INFINITY;
          for (let s = 0; s < S; s++) max = Math.max(max, z[s * C + c] as number);
          let sum = 0;
          for (let s = 0; s < S; s++) {
            const ex = Math.exp(k * ((z[s * C + c] as number) - max));
            z[s * C + c] = ex;
            sum += ex;
          }
          for (let s = 0; s < S; s++) z[s * C + c] = (z[s * C + c] as number) / sum;
          logits[c] = (logits[c] as number) + max + Math.log(sum) / k;
        }
      }
      for (let c = 0; c < C; c++) {
        const y = p.labels[d * C + c] as number;
        g[c] = (sigmoid(logits[c] as number) - y) * (y === 1 ? (positive[c] as number) : 1);
        gb[c] = (gb[c] as number) + (g[c] as number);
      }
      for (let e = f0; e < f1; e++) {
        const base = (p.docIndex[e] as number) * C;
        const x = p.docValue[e] as number;
        for (let c = 0; c < C; c++) grad[base + c] = (grad[base + c] as number) + (g[c] as number) * x;
      }
      for (let s = 0; s < S; s++) {
        const e0 = p.instStart[s0 + s] as number;
        const e1 = p.instStart[s0 + s + 1] as number;
        const zs = s * C;
        for (let e = e0; e < e1; e++) {
          const base = (p.index[e] as number) * C;
          const x = p.value[e] as number;
          for (let c = 0; c < C; c++)
            grad[base + c] = (grad[base + c] as number) + (g[c] as number) * (z[zs + c] as number) * x;
        }
      }
    }
    const c1 = 1 - b1 ** epoch;
    const c2 = 1 - b2 ** epoch;
    for (let i = 0; i < size; i++) {
      const w = W[i] as number;
      const gi = (grad[i] as number) / n + (l2[i % C] as number) * w;
      m[i] = b1 * (m[i] as number) + (1 - b1) * gi;
      v[i] = b2 * (v[i] as number) + (1 - b2) * gi * gi;
      W[i] = w - (o.learningRate * ((m[i] as number) / c1)) / (Math.sqrt((v[i] as number) / c2) + 1e-8);
    }
    for (let c = 0; c < C; c++) {
      const gc = (gb[c] as number) / n;
      mb[c] = b1 * (mb[c] as number) + (1 - b1) * gc;
      vb[c] = b2 * (vb[c] as number) + (1 - b2) * gc * gc;
      model.bias[c] =
        (model.bias[c] as number) -
        (o.learningRate * ((mb[c] as number) / c1)) / (Math.sqrt((vb[c] as number) / c2) + 1e-8);
    }
  }
  return model;
}
