using System.Linq.Expressions;

namespace ElderCare.Web.Features.Elders;

/// <summary>Elder filters joined into one expression over one parameter, so EF translates the whole of it to SQL.</summary>
internal static class ElderPredicates
{
    public static Expression<Func<Elder, bool>> And(Expression<Func<Elder, bool>> a, Expression<Func<Elder, bool>> b) =>
        Combine(a, b, Expression.AndAlso);

    public static Expression<Func<Elder, bool>> Or(Expression<Func<Elder, bool>> a, Expression<Func<Elder, bool>> b) =>
        Combine(a, b, Expression.OrElse);

    private static Expression<Func<Elder, bool>> Combine(Expression<Func<Elder, bool>> a, Expression<Func<Elder, bool>> b,
        Func<Expression, Expression, BinaryExpression> join)
    {
        var p = a.Parameters[0];
        var right = new Rebind(b.Parameters[0], p).Visit(b.Body);
        return Expression.Lambda<Func<Elder, bool>>(join(a.Body, right), p);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
