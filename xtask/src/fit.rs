//! `cargo xtask eval web --fit`: fits the weights of talign's same-event model
//! (`crates/talign-events/src/pairmodel.rs`) by logistic regression on the scored pairs of
//! the web development set, and prints them as Rust constants to paste there.
//!
//! The fit is L2-regularized logistic regression solved by Newton's method (a 21 × 21
//! system per step), so the same pairs always give the same weights. It also reports how
//! well weights fitted without an event's pages predict that event's pairs (three folds of
//! events), which is what to expect on held-back pages.

use anyhow::{Result, bail};

/// L2 penalty on the weights (not on the intercept), as in `C = 1`.
const LAMBDA: f64 = 1.0;

/// Fits `w` (the intercept last) to inputs `x` and labels `y`.
pub fn logistic(x: &[Vec<f64>], y: &[bool]) -> Result<Vec<f64>> {
    let d = x.first().map_or(0, Vec::len) + 1;
    let mut w = vec![0.0; d];
    for _ in 0..50 {
        let mut grad = vec![0.0; d];
        let mut hess = vec![vec![0.0; d]; d];
        for (xi, &yi) in x.iter().zip(y) {
            let z: f64 = xi.iter().zip(&w).map(|(a, b)| a * b).sum::<f64>() + w[d - 1];
            let p = 1.0 / (1.0 + (-z).exp());
            let r = p - f64::from(u8::from(yi));
            let s = p * (1.0 - p);
            let row = |k: usize| if k + 1 == d { 1.0 } else { xi[k] };
            for (a, (g, h)) in grad.iter_mut().zip(hess.iter_mut()).enumerate() {
                *g += r * row(a);
                for (b, hab) in h.iter_mut().enumerate() {
                    *hab += s * row(a) * row(b);
                }
            }
        }
        for a in 0..d - 1 {
            grad[a] += LAMBDA * w[a];
            hess[a][a] += LAMBDA;
        }
        let step = solve(hess, grad)?;
        let mut change = 0.0f64;
        for (wa, sa) in w.iter_mut().zip(&step) {
            *wa -= sa;
            change = change.max(sa.abs());
        }
        if change < 1e-9 {
            break;
        }
    }
    Ok(w)
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Result<Vec<f64>> {
    let n = b.len();
    for c in 0..n {
        let p = (c..n).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs())).unwrap_or(c);
        if a[p][c].abs() < 1e-12 {
            bail!("the fit's system is singular");
        }
        a.swap(c, p);
        b.swap(c, p);
        let (top, rest) = a.split_at_mut(c + 1);
        let pivot = &top[c];
        for (r, row) in rest.iter_mut().enumerate() {
            let f = row[c] / pivot[c];
            for (x, p) in row[c..].iter_mut().zip(&pivot[c..]) {
                *x -= f * p;
            }
            b[c + 1 + r] -= f * b[c];
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() {
        let s: f64 = (r + 1..n).map(|k| a[r][k] * x[k]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    Ok(x)
}

/// The probability the fitted weights give.
pub fn predict(w: &[f64], x: &[f64]) -> f64 {
    let d = w.len();
    let z: f64 = x.iter().zip(w).map(|(a, b)| a * b).sum::<f64>() + w[d - 1];
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_a_separating_direction() {
        // y = x0 > x1, with some noise-free points.
        let mut x = Vec::new();
        let mut y = Vec::new();
        for i in 0..40 {
            let a = f64::from(i % 7) / 7.0;
            let b = f64::from(i % 5) / 5.0;
            x.push(vec![a, b]);
            y.push(a > b);
        }
        let w = logistic(&x, &y).unwrap();
        assert!(w[0] > 0.0 && w[1] < 0.0, "{w:?}");
        assert!(predict(&w, &[0.9, 0.1]) > 0.5);
        assert!(predict(&w, &[0.1, 0.9]) < 0.5);
    }
}
