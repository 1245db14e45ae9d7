// SPDX-License-Identifier: GPL-3.0-or-later
#include "distributions.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>

namespace ql::stats {

namespace {

// Errors become NaN/±inf with errno set instead of C++ exceptions: the callers check their
// arguments and treat a NaN as "not computable".
using Policy =
    boost::math::policies::policy<boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
                                  boost::math::policies::pole_error<boost::math::policies::errno_on_error>,
                                  boost::math::policies::overflow_error<boost::math::policies::errno_on_error>,
                                  boost::math::policies::evaluation_error<boost::math::policies::errno_on_error>,
                                  boost::math::policies::rounding_error<boost::math::policies::errno_on_error>>;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

bool probability(double p)
{
    return p > 0 && p < 1;
}
bool degrees(double df)
{
    return df > 0 && !std::isnan(df);
}

} // namespace

double normalCdf(double x)
{
    if (std::isnan(x))
        return nan;
    return boost::math::cdf(boost::math::normal_distribution<double, Policy>(), x);
}

double normalSurvival(double x)
{
    if (std::isnan(x))
        return nan;
    return boost::math::cdf(boost::math::complement(boost::math::normal_distribution<double, Policy>(), x));
}

double normalQuantile(double p)
{
    if (!probability(p))
        return nan;
    return boost::math::quantile(boost::math::normal_distribution<double, Policy>(), p);
}

double studentTCdf(double t, double df)
{
    if (std::isnan(t) || !degrees(df))
        return nan;
    return boost::math::cdf(boost::math::students_t_distribution<double, Policy>(df), t);
}

double studentTSurvival(double t, double df)
{
    if (std::isnan(t) || !degrees(df))
        return nan;
    return boost::math::cdf(boost::math::complement(boost::math::students_t_distribution<double, Policy>(df), t));
}

double studentTQuantile(double p, double df)
{
    if (!probability(p) || !degrees(df))
        return nan;
    return boost::math::quantile(boost::math::students_t_distribution<double, Policy>(df), p);
}

double fCdf(double f, double df1, double df2)
{
    if (std::isnan(f) || !degrees(df1) || !degrees(df2))
        return nan;
    if (f <= 0)
        return 0;
    if (std::isinf(f))
        return 1;
    return boost::math::cdf(boost::math::fisher_f_distribution<double, Policy>(df1, df2), f);
}

double fSurvival(double f, double df1, double df2)
{
    if (std::isnan(f) || !degrees(df1) || !degrees(df2))
        return nan;
    if (f <= 0)
        return 1;
    if (std::isinf(f))
        return 0;
    return boost::math::cdf(boost::math::complement(boost::math::fisher_f_distribution<double, Policy>(df1, df2), f));
}

double fQuantile(double p, double df1, double df2)
{
    if (!probability(p) || !degrees(df1) || !degrees(df2))
        return nan;
    return boost::math::quantile(boost::math::fisher_f_distribution<double, Policy>(df1, df2), p);
}

double chiSquaredCdf(double x, double df)
{
    if (std::isnan(x) || !degrees(df))
        return nan;
    if (x <= 0)
        return 0;
    if (std::isinf(x))
        return 1;
    return boost::math::cdf(boost::math::chi_squared_distribution<double, Policy>(df), x);
}

double chiSquaredSurvival(double x, double df)
{
    if (std::isnan(x) || !degrees(df))
        return nan;
    if (x <= 0)
        return 1;
    if (std::isinf(x))
        return 0;
    return boost::math::cdf(boost::math::complement(boost::math::chi_squared_distribution<double, Policy>(df), x));
}

double chiSquaredQuantile(double p, double df)
{
    if (!probability(p) || !degrees(df))
        return nan;
    return boost::math::quantile(boost::math::chi_squared_distribution<double, Policy>(df), p);
}

double normalCritical(double confidence)
{
    return normalQuantile(1 - (1 - confidence) / 2);
}

double studentTCritical(double confidence, double df)
{
    return studentTQuantile(1 - (1 - confidence) / 2, df);
}

} // namespace ql::stats
