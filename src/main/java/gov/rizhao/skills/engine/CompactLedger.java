package gov.rizhao.skills.engine;

import gov.rizhao.skills.facts.Claim;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A ledger in memory for very many cases (an impact simulation over a million): each pool is a
 * 64-bit hash of its scope and what it used in hundredths, in two arrays, about 40 bytes a pool
 * instead of a few hundred. Two scopes sharing a hash by chance are as likely as winning a lottery
 * several times over; the simulation it serves is an estimate.
 */
public final class CompactLedger implements ClaimPool {
  private long[] keys = new long[1 << 16];
  private long[] values = new long[1 << 16];
  private int size;

  @Override
  public Map<String, BigDecimal> used(Collection<Claim> claims) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (Claim c : claims) {
      int at = slot(hash(c.scope()));
      if (keys[at] != 0) {
        out.put(c.scope(), BigDecimal.valueOf(values[at], 2));
      }
    }
    return out;
  }

  /** Adds one grant's take from its pool; answers what the pool has used since. */
  public BigDecimal take(Claim claim, BigDecimal quantity) {
    long key = hash(claim.scope());
    int at = slot(key);
    BigDecimal before = keys[at] == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(values[at], 2);
    BigDecimal after = claim.unit().add(before, quantity);
    if (keys[at] == 0) {
      keys[at] = key;
      size++;
    }
    values[at] = after.movePointRight(2).longValueExact();
    if (size * 4L > keys.length * 3L) {
      grow();
    }
    return after;
  }

  /** How many pools something was taken from. */
  public int pools() {
    return size;
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int at = (int) (key ^ (key >>> 32)) & mask;
    while (keys[at] != 0 && keys[at] != key) {
      at = (at + 1) & mask;
    }
    return at;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int at = slot(oldKeys[i]);
        keys[at] = oldKeys[i];
        values[at] = oldValues[i];
      }
    }
  }

  /** Two independent 32-bit hashes of the scope's bytes (FNV-1a and a multiplicative one). */
  static long hash(String scope) {
    byte[] bytes = scope.getBytes(StandardCharsets.UTF_8);
    int fnv = 0x811c9dc5;
    int mul = 17;
    for (byte b : bytes) {
      fnv = (fnv ^ (b & 0xff)) * 0x01000193;
      mul = mul * 31 + (b & 0xff) * 0x9E3779B1;
    }
    long key = ((long) fnv << 32) | (mul & 0xffffffffL);
    return key == 0 ? 1 : key;
  }
}
