/**
 * One-vs-rest logistic regression over sparse features, trained by full-batch Adam
 * in a fixed order: the same data always gives the same weights (no shuffling, no
 * random start). A reflection is a bag of instances (its sentences); its score for
 * a theme is a soft maximum of the instance scores, so one sentence about nerves
 * is enough for "nonverbal" however long the reply is. Doc-level features (the
 * wording rules' scores) are added once to the pooled score.
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
  /** L2 penalty on the mean loss. */
  l2: number;
  /** Sharpness of the soft maximum over sentences (large = hard max). */
  sharpness: number;
  /** Weight of positive examples in the loss (themes are rare in any one reply). */
  positiveWeight: number;
}

export interface LinearModel {
  /** weights[f * classes + c] */
  weights: Float64Array;
  bias: Float64Array;
  classes: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function dot(model: LinearModel, v: SparseVector, c: number): number {
  let s = 0;
  for (let k = 0; k < v.index.length; k++)
    s += (model.weights[(v.index[k] as number) * model.classes + c] as number) * (v.value[k] as number);
  return s;
}

/** Pooled logit of one doc for class c, with the softmax weights of its instances. */
export function docLogit(
  model: LinearModel,
  d: Pick<TrainingDoc, "instances" | "doc">,
  c: number,
  sharpness: number,
): { logit: number; share: number[] } {
  const base = (model.bias[c] as number) + dot(model, d.doc, c);
  if (d.instances.length === 0) return { logit: base, share: [] };
  const z = d.instances.map((v) => dot(model, v, c));
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(sharpness * (x - max)));
  const sum = e.reduce((a, b) => a + b, 0);
  return { logit: base + max + Math.log(sum) / sharpness, share: e.map((x) => x / sum) };
}

export function train(docs: readonly TrainingDoc[], o: TrainOptions): LinearModel {
  const size = o.features * o.classes;
  const model: LinearModel = { weights: new Float64Array(size), bias: new Float64Array(o.classes), classes: o.classes };
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const mb = new Float64Array(o.classes);
  const vb = new Float64Array(o.classes);
  const grad = new Float64Array(size);
  const gb = new Float64Array(o.classes);
  const b1 = 0.9;
  const b2 = 0.999;
  const n = docs.length;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    grad.fill(0);
    gb.fill(0);
    for (const d of docs) {
      for (let c = 0; c < o.classes; c++) {
        const { logit, share } = docLogit(model, d, c, o.sharpness);
        const y = d.labels[c] ? 1 : 0;
        const g = (sigmoid(logit) - y) * (y === 1 ? o.positiveWeight : 1);
        gb[c] = (gb[c] as number) + g;
        for (let k = 0; k < d.doc.index.length; k++) {
          const at = (d.doc.index[k] as number) * o.classes + c;
          grad[at] = (grad[at] as number) + g * (d.doc.value[k] as number);
        }
        d.instances.forEach((inst, s) => {
          const gs = g * (share[s] as number);
          if (gs === 0) return;
          for (let k = 0; k < inst.index.length; k++) {
            const at = (inst.index[k] as number) * o.classes + c;
            grad[at] = (grad[at] as number) + gs * (inst.value[k] as number);
          }
        });
      }
    }
    const c1 = 1 - b1 ** epoch;
    const c2 = 1 - b2 ** epoch;
    for (let i = 0; i < size; i++) {
      const w = model.weights[i] as number;
      const g = (grad[i] as number) / n + o.l2 * w;
      m[i] = b1 * (m[i] as number) + (1 - b1) * g;
      v[i] = b2 * (v[i] as number) + (1 - b2) * g * g;
      model.weights[i] = w - (o.learningRate * ((m[i] as number) / c1)) / (Math.sqrt((v[i] as number) / c2) + 1e-8);
    }
    for (let c = 0; c < o.classes; c++) {
      const g = (gb[c] as number) / n;
      mb[c] = b1 * (mb[c] as number) + (1 - b1) * g;
      vb[c] = b2 * (vb[c] as number) + (1 - b2) * g * g;
      model.bias[c] =
        (model.bias[c] as number) -
        (o.learningRate * ((mb[c] as number) / c1)) / (Math.sqrt((vb[c] as number) / c2) + 1e-8);
    }
  }
  return model;
}
