namespace Andalan.Sandbox.Data;

/// <summary>A sale at a store, as the panel holds it. Times are panel local time (Asia/Jakarta).</summary>
public sealed record Transaction(
    string InvoiceNo,
    DateTime At,
    string MemberName,
    string MemberPhone,
    string Store,
    long TotalAmount,
    long PointsEarned,
    string PaymentMethod,
    string Status);
