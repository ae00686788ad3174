package org.ecoledger.core.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ecoledger.core.chain.HashAlgorithm;

/**
 * Test oracle: RFC 9162 section 2.1's recursive definitions (MTH, PATH, PROOF/SUBPROOF) written down literally over
 * a list of leaf hashes, hashing with {@link HashAlgorithm} directly (not {@link MerkleTree}). MTH of a range is
 * memoized, which changes nothing but the speed.
 */
final class NaiveMerkle {

    private final HashAlgorithm algorithm;
    private final List<byte[]> leafHashes;
    private final Map<Long, byte[]> memo = new HashMap<>();

    NaiveMerkle(HashAlgorithm algorithm, List<byte[]> leafHashes) {
        this.algorithm = algorithm;
        this.leafHashes = leafHashes;
    }

    static byte[] leafHash(HashAlgorithm algorithm, byte[] leaf) {
        return algorithm.digest(new byte[] {0}, leaf);
    }

    private byte[] node(byte[] left, byte[] right) {
        byte[] both = new byte[64];
        System.arraycopy(left, 0, both, 0, 32);
        System.arraycopy(right, 0, both, 32, 32);
        return algorithm.digest(new byte[] {1}, both);
    }

    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    /** MTH(D[begin:end]). */
    byte[] mth(int begin, int end) {
        int n = end - begin;
        if (n == 0) {
            return algorithm.digest(new byte[0]);
        }
        if (n == 1) {
            return leafHashes.get(begin);
        }
        long key = ((long) begin << 32) | end;
        byte[] cached = memo.get(key);
        if (cached == null) {
            int k = k(n);
            cached = node(mth(begin, begin + k), mth(begin + k, end));
            memo.put(key, cached);
        }
        return cached;
    }

    /** PATH(m, D[0:n]). */
    List<byte[]> path(int m, int n) {
        List<byte[]> out = new ArrayList<>();
        path(m, 0, n, out);
        return out;
    }

    private void path(int m, int begin, int end, List<byte[]> out) {
        int n = end - begin;
        if (n <= 1) {
            return;
        }
        int k = k(n);
        if (m < k) {
            path(m, begin, begin + k, out);
            out.add(mth(begin + k, end));
        } else {
            path(m - k, begin + k, end, out);
            out.add(mth(begin, begin + k));
        }
    }

    /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true), 0 &lt; m &lt; n. */
    List<byte[]> proof(int m, int n) {
        List<byte[]> out = new ArrayList<>();
        subproof(m, 0, n, true, out);
        return out;
    }

    private void subproof(int m, int begin, int end, boolean b, List<byte[]> out) {
        int n = end - begin;
        if (m == n) {
            if (!b) {
                out.add(mth(begin, end));
            }
            return;
        }
        int k = k(n);
        if (m <= k) {
            subproof(m, begin, begin + k, b, out);
            out.add(mth(begin + k, end));
        } else {
            subproof(m - k, begin + k, end, false, out);
            out.add(mth(begin, begin + k));
        }
    }
}
