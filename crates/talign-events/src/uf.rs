//! Union-find with path compression, where the smaller root always wins, so that the
//! groups and their representatives do not depend on the order of unions.

/// Disjoint sets over `0..n`.
#[derive(Debug, Clone)]
pub(crate) struct UnionFind(Vec<u32>);

impl UnionFind {
    /// `n` singletons.
    pub(crate) fn new(n: usize) -> UnionFind {
        UnionFind((0..n as u32).collect())
    }

    /// The representative (smallest member) of `x`'s set.
    pub(crate) fn find(&mut self, x: u32) -> u32 {
        let mut r = x;
        while self.0[r as usize] != r {
            r = self.0[r as usize];
        }
        let mut c = x;
        while self.0[c as usize] != r {
            let n = self.0[c as usize];
            self.0[c as usize] = r;
            c = n;
        }
        r
    }

    /// Joins the sets of `a` and `b`.
    pub(crate) fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra < rb {
            self.0[rb as usize] = ra;
        } else if rb < ra {
            self.0[ra as usize] = rb;
        }
    }

    /// For each member, the number of its set, sets numbered by their smallest member.
    pub(crate) fn numbering(&mut self) -> Vec<usize> {
        let mut number: crate::HashMap<u32, usize> = crate::HashMap::default();
        (0..self.0.len() as u32)
            .map(|x| {
                let r = self.find(x);
                let next = number.len();
                *number.entry(r).or_insert(next)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_unions_does_not_matter() {
        let mut a = UnionFind::new(5);
        a.union(3, 1);
        a.union(4, 3);
        let mut b = UnionFind::new(5);
        b.union(4, 3);
        b.union(1, 4);
        assert_eq!(a.numbering(), b.numbering());
        assert_eq!(a.numbering(), vec![0, 1, 2, 1, 1]);
    }
}
