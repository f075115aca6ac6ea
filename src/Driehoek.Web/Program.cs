using Driehoek.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddDriehoek();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapDriehoek();
app.Run();

public partial class Program;
