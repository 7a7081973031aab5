namespace Andalan.Sandbox.Data;

/// <summary>The words the generated panel data is made of: Indonesian names, stores, payment methods, texts.</summary>
internal static class PanelVocabulary
{
    public static readonly string[] FirstNames =
    [
        "Budi", "Siti", "Agus", "Dewi", "Rina", "Andi", "Sri", "Joko", "Ayu", "Hendra", "Wahyu", "Putri", "Rizky",
        "Nur", "Fajar", "Indah", "Eko", "Lestari", "Bayu", "Ratna", "Dian", "Yudi", "Fitri", "Arif", "Maya",
        "Teguh", "Wulan", "Bambang", "Kartika", "Hadi", "Nadia", "Irfan", "Sari", "Dimas", "Anisa", "Gilang",
        "Mega", "Yoga", "Citra", "Reza", "Novi", "Taufik", "Intan", "Ikhsan", "Melati", "Galih", "Vina", "Asep",
        "Ketut", "Made", "Nyoman", "Wayan", "Ucok", "Tiurma", "Rahmat", "Aisyah", "Zulkifli", "Larasati",
    ];

    public static readonly string[] LastNames =
    [
        "Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat", "Kusuma", "Pratama", "Setiawan", "Nugroho",
        "Rahmawati", "Siregar", "Nasution", "Harahap", "Simanjuntak", "Gunawan", "Halim", "Tanjung", "Purnomo",
        "Susanto", "Wibowo", "Utami", "Permana", "Hakim", "Ramadhan", "Firmansyah", "Kurniawan", "Handoko",
        "Sitompul", "Manurung", "Pangaribuan", "Suryadi", "Hartono", "Maharani", "Anggraini", "Sembiring",
    ];

    /// <summary>Titles some members register with; the comma is a CSV trap.</summary>
    public static readonly string[] Titles = [", S.E.", ", S.Kom.", ", S.H.", ", M.M.", ", S.Pd."];

    /// <summary>Names some members really type into a loyalty form; they look like spreadsheet formulas.</summary>
    public static readonly string[] FormulaLookingNames =
    [
        "=HYPERLINK(\"http://andalan.id/klaim\")",
        "@admin",
        "+Toko Sinar Jaya",
        "-Rina Wulandari-",
    ];

    public static readonly string[] EmailDomains =
        ["gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com", "outlook.com", "ymail.com", "andalan.co.id"];

    public static readonly string[] PhonePrefixes =
        ["0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0857", "0858", "0877", "0878", "0895", "0896",
        "0881", "0882", "0838", "0831"];

    public static readonly string[] Stores =
    [
        "Cabang Jakarta Pusat", "Cabang Jakarta Selatan", "Cabang Jakarta Barat", "Cabang Bekasi", "Cabang Tangerang",
        "Cabang Depok", "Cabang Bogor", "Cabang Bandung", "Cabang Surabaya", "Cabang Semarang", "Cabang Yogyakarta",
        "Cabang Medan", "Cabang Makassar", "Cabang Denpasar",
    ];

    public static readonly (string Method, int Weight)[] PaymentMethods =
    [
        ("Tunai", 30), ("QRIS", 25), ("Debit BCA", 10), ("Debit Mandiri", 8), ("Kartu Kredit BNI", 4), ("OVO", 7),
        ("GoPay", 7), ("ShopeePay", 4), ("DANA", 3), ("Transfer BRI", 2),
    ];

    public static readonly string[] Tiers = ["Silver", "Gold", "Platinum"];

    public static readonly (string Status, int Weight)[] UserStatuses =
        [("Aktif", 90), ("Tidak Aktif", 8), ("Diblokir", 2)];

    public static readonly (string Status, int Weight)[] CoinPaymentStatuses =
        [("Berhasil", 85), ("Pending", 8), ("Gagal", 5), ("Dikembalikan", 2)];

    public static readonly string[] Vouchers =
        ["voucher belanja Rp 25.000", "voucher belanja Rp 50.000", "pulpen Andalan 12 pcs", "kertas HVS A4 1 rim",
        "tumbler Andalan", "diskon 10% alat tulis"];

    /// <summary>Long texts admins write; they wrap over several lines in a PDF cell.</summary>
    public static readonly string[] LongNotes =
    [
        "Penukaran poin untuk {0} yang berlaku di seluruh cabang Andalan ATK sampai akhir bulan berjalan, " +
            "tidak dapat digabung dengan promo lain dan tidak dapat diuangkan",
        "Koreksi poin atas keluhan pelanggan melalui layanan WhatsApp karena poin transaksi sebelumnya belum " +
            "masuk ke akun member setelah pembayaran berhasil",
        "Bonus poin ulang tahun member sesuai ketentuan program loyalitas Andalan ATK periode berjalan, " +
            "diberikan otomatis oleh sistem",
        "Poin dikembalikan karena pesanan dibatalkan oleh cabang akibat stok barang kosong; mohon maaf atas " +
            "ketidaknyamanannya",
    ];

    /// <summary>Notes that look like formulas or signed numbers, with their points: data, never a formula.</summary>
    public static readonly (string Note, int Points)[] FormulaLookingNotes =
    [
        ("-5 poin koreksi salah input", -5),
        ("+50 poin bonus event", 50),
        ("=HYPERLINK(\"http://andalan.id/poin\")", 25),
        ("@admin: penyesuaian manual", 100),
    ];
}
