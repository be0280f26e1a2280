using GovEval.Core.Frameworks;

namespace GovEval.Core.Scoring;

/// <summary>Maps a measured value to points with a framework's curve.</summary>
public static class Curves
{
    // Φ⁻¹(0.9): the log-normal curve's p10 control point earns 90% (Lighthouse's scoring method).
    private const double Z90 = 1.2815515655446004;

    public static decimal Points(Curve curve, decimal value, decimal points) => curve.Kind switch
    {
        CurveKind.Steps => Math.Min(points, Step(curve, value)),
        CurveKind.Linear => points * Linear(curve, value),
        CurveKind.LogNormal => points * LogNormal(curve, value),
        _ => throw new ArgumentOutOfRangeException(nameof(curve)),
    };

    /// <summary>The first step the value reaches (at or above for higher-is-better, at or below otherwise).</summary>
    private static decimal Step(Curve curve, decimal value)
    {
        foreach (var step in curve.Steps)
        {
            if (curve.HigherIsBetter ? value >= step.Bound : value <= step.Bound)
            {
                return step.Points;
            }
        }

        return 0;
    }

    private static decimal Linear(Curve curve, decimal value)
    {
        var share = (value - curve.Zero) / (curve.Full - curve.Zero);
        return Math.Clamp(share, 0m, 1m);
    }

    /// <summary>Share of points for a lower-is-better value: the median earns 0.5, p10 earns 0.9.</summary>
    private static decimal LogNormal(Curve curve, decimal value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var sigma = (Math.Log((double)curve.Median) - Math.Log((double)curve.P10)) / Z90;
        var z = (Math.Log((double)value) - Math.Log((double)curve.Median)) / sigma;
        var share = 1 - NormalCdf(z);

        // Rounded so the result does not depend on the last bits of floating point.
        return Math.Round((decimal)Math.Clamp(share, 0, 1), 6, MidpointRounding.AwayFromZero);
    }

    private static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    // Complementary error function, Numerical Recipes' erfcc (fractional error below 1.2e-7).
    private static readonly double[] ErfcCoefficients =
        [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var polynomial = 0.0;
        for (var i = ErfcCoefficients.Length - 1; i >= 0; i--)
        {
            polynomial = ErfcCoefficients[i] + (t * polynomial);
        }

        var r = t * Math.Exp((-z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }
}
