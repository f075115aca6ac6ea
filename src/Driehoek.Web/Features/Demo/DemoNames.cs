namespace Driehoek.Web.Features.Demo;

/// <summary>Fictional names for the demo school: the mix of backgrounds a Dutch city school has.</summary>
internal static class DemoNames
{
    public static readonly string[] DutchFirst =
    [
        "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva", "Liv", "Lotte", "Fenna", "Noor", "Saar",
        "Noah", "Sem", "Liam", "Lucas", "Daan", "Finn", "Levi", "Luuk", "Mees", "James", "Milan", "Bram", "Jesse", "Thijs", "Ruben",
    ];

    public static readonly (string? Prefix, string Last)[] DutchLast =
    [
        (null, "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), (null, "Bakker"), (null, "Visser"), (null, "Smit"),
        (null, "Meijer"), ("de", "Boer"), (null, "Mulder"), ("de", "Groot"), (null, "Bos"), ("van der", "Linden"), (null, "Dekker"),
        (null, "Brouwer"), ("de", "Wit"), (null, "Hendriks"), ("van", "Leeuwen"), (null, "Kok"), (null, "Peters"),
    ];

    public static readonly string[] TurkishFirst = ["Elif", "Zeynep", "Ecrin", "Yusuf", "Emir", "Kerem", "Ayşe", "Mehmet"];
    public static readonly string[] TurkishLast = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk"];
    public static readonly string[] ArabicFirst = ["Amira", "Layla", "Noor", "Omar", "Adam", "Yasmina", "Rayan", "Salma"];
    public static readonly string[] ArabicLast = ["El Amrani", "Haddad", "Bennani", "Al-Khatib", "Mansour", "Aziz"];
    public static readonly string[] PolishFirst = ["Zofia", "Hanna", "Jakub", "Antoni", "Maja", "Szymon"];
    public static readonly string[] PolishLast = ["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński"];
    public static readonly string[] UkrainianFirst = ["Sofiia", "Anna", "Maksym", "Artem", "Daryna", "Bohdan"];
    public static readonly string[] UkrainianLast = ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko"];
    public static readonly string[] EnglishFirst = ["Olivia", "Grace", "Oliver", "Harry", "Ava", "Jack"];
    public static readonly string[] EnglishLast = ["Smith", "Taylor", "Brown", "Wilson"];

    public static readonly string[] AdultFirst =
    [
        "Anouk", "Marieke", "Sanne", "Linda", "Ingrid", "Esther", "Femke", "Iris",
        "Mark", "Jeroen", "Dennis", "Sander", "Martijn", "Bas", "Erik", "Rob",
    ];

    public static readonly string[] Subjects =
    [
        "Nederlands", "Engels", "Wiskunde", "Geschiedenis", "Aardrijkskunde", "Biologie", "Frans", "Duits", "Economie", "Lichamelijke opvoeding",
    ];
}
