package dev.perfharness.reports.stats;

import static dev.perfharness.reports.TestRuns.flat;
import static dev.perfharness.reports.TestRuns.forks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

class RankShiftTest {
    private final RankShift rankShift = new RankShift(0.99);

    @Test
    void theShiftIsTheMedianOfEveryPairwiseDifference() {
        double[] baseline = {10, 12, 15};
        double[] current = {11, 14, 20, 21};
        // after - before, by hand: 11: 1, -1, -4; 14: 4, 2, -1; 20: 10, 8, 5; 21: 11, 9, 6.
        // Sorted: -4 -1 -1 1 2 4 | 5 6 8 9 10 11; the median of the twelve is (4 + 5) / 2.
        Change change = rankShift.compare(baseline, current);

        assertThat(change.shift()).isEqualTo(4.5);
        assertThat(change.baseline()).isEqualTo(12);
        assertThat(change.current()).isEqualTo(17);
        assertThat(change.baseCount()).isEqualTo(3);
        assertThat(change.currentCount()).isEqualTo(4);
    }

    @Test
    void thePValueIsCommonsStatisticsMannWhitneyU() {
        double[] baseline = flat(forks(100, 3, 1));
        double[] current = flat(forks(102, 3, 2));

        Change change = rankShift.compare(baseline, current);

        assertThat(change.pValue()).isEqualTo(MannWhitneyUTest.withDefaults().test(current, baseline).getPValue());
        assertThat(change.pValue()).isBetween(0.0, 1.0);
    }

    @Test
    void aKnownShiftOfTenPercentLiesInTheIntervalAndZeroDoesNot() {
        double[] baseline = flat(forks(100, 0.5, 3));
        double[] current = flat(forks(110, 0.5, 4));

        Change change = rankShift.compare(baseline, current);

        assertThat(change.relative()).isCloseTo(0.10, within(0.01));
        assertThat(change.relativeLow()).isLessThanOrEqualTo(0.10);
        assertThat(change.relativeHigh()).isGreaterThanOrEqualTo(0.10);
        assertThat(change.low()).isPositive();
        assertThat(change.pValue()).isLessThan(0.01);
        assertThat(change.confidence()).isEqualTo(0.99);
    }

    @Test
    void identicalSamplesShowNoChange() {
        double[] baseline = flat(forks(100, 2, 5));
        double[] current = {baseline[9], baseline[3], baseline[0], baseline[7], baseline[1], baseline[5], baseline[2],
                baseline[8], baseline[4], baseline[6]};

        Change change = rankShift.compare(baseline, current);

        assertThat(change.pValue()).isEqualTo(1.0);
        assertThat(change.shift()).isZero();
        assertThat(change.low()).isNegative();
        assertThat(change.high()).isPositive();
    }

    @Test
    void aConstantFigureMeasuredTwiceShowsNoChange() {
        // Bytes per operation are often the same in every iteration; every value is a tie.
        Change change = rankShift.compare(tenTimes(1024), tenTimes(1024));

        assertThat(change.pValue()).isEqualTo(1.0);
        assertThat(change.shift()).isZero();
        assertThat(change.low()).isZero();
        assertThat(change.high()).isZero();
    }

    @Test
    void twoDifferentConstantsAreASignificantShift() {
        Change change = rankShift.compare(tenTimes(1024), tenTimes(1100));

        assertThat(change.shift()).isEqualTo(76);
        assertThat(change.low()).isEqualTo(76);
        assertThat(change.high()).isEqualTo(76);
        assertThat(change.pValue()).isLessThan(0.01);
    }

    @Test
    void theIntervalEndsAreTheKthSmallestAndLargestDifferences() {
        // Differences 100c - b for c in 1..10 and b in 0..9 are all distinct: the 24th smallest is
        // 300 - 6 = 294 and the 24th largest (the 77th smallest) is 800 - 3 = 797.
        double[] baseline = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] current = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000};

        Change change = new RankShift(0.95).compare(baseline, current);

        assertThat(change.low()).isEqualTo(294);
        assertThat(change.high()).isEqualTo(797);
    }

    @Test
    void theMosesCriticalRankForTenAndTenAtNinetyFivePercentIsTheTableValue() {
        // Published critical value of Mann-Whitney U for n1 = n2 = 10, two-sided alpha = 0.05: 23 (the
        // standard table, e.g. Real Statistics, "Mann-Whitney Table", real-statistics.com/statistics-tables/
        // mann-whitney-table/; the same as the smallest rank sum 78 = 23 + 10 * 11 / 2 of the Wilcoxon
        // rank-sum tables). The Moses interval's ends are the (U + 1)-th smallest and largest of the
        // m * n differences (Hollander and Wolfe, Nonparametric Statistical Methods, ch. 4): k = 24.
        int k = new RankShift(0.95).criticalRank(10, 10);

        assertThat(k).isEqualTo(24);
        // The same from the exact null distribution of U: the largest u with P(U <= u) <= 0.025 is 23.
        assertThat(largestLowerCriticalU(10, 10, 0.025)).isEqualTo(23);
    }

    @Test
    void withVeryFewSamplesTheIntervalIsTheWholeRangeOfDifferences() {
        Change change = rankShift.compare(new double[] {1, 2}, new double[] {5, 7});

        assertThat(change.low()).isEqualTo(3);
        assertThat(change.high()).isEqualTo(6);
    }

    private static double[] tenTimes(double value) {
        double[] values = new double[10];
        java.util.Arrays.fill(values, value);
        return values;
    }

    /** The largest u with P(U <= u) <= alpha under no shift, by counting the arrangements of m and n ranks. */
    private static int largestLowerCriticalU(int m, int n, double alpha) {
        // ways[i][j][u]: arrangements of i and j items with U = u (recurrence of Mann and Whitney, 1947).
        long[][][] ways = new long[m + 1][n + 1][];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                ways[i][j] = new long[i * j + 1];
                if (i == 0 || j == 0) {
                    ways[i][j][0] = 1;
                    continue;
                }
                for (int u = 0; u <= i * j; u++) {
                    long largestIsFirst = u - j >= 0 ? ways[i - 1][j][u - j] : 0;
                    long largestIsSecond = u <= i * (j - 1) ? ways[i][j - 1][u] : 0;
                    ways[i][j][u] = largestIsFirst + largestIsSecond;
                }
            }
        }
        long total = java.util.Arrays.stream(ways[m][n]).sum();
        long cumulative = 0;
        int critical = -1;
        for (int u = 0; u <= m * n; u++) {
            cumulative += ways[m][n][u];
            if ((double) cumulative / total <= alpha) {
                critical = u;
            }
        }
        return critical;
    }
}
