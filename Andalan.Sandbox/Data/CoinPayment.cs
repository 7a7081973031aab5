namespace Andalan.Sandbox.Data;

/// <summary>A purchase paid (partly) with coins.</summary>
public sealed record CoinPayment(
    string PaymentId,
    DateTime PaidAt,
    string UserName,
    string InvoiceNo,
    long Coins,
    long Amount,
    string Status);
