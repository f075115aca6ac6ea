global using Driehoek.Tests.Infrastructure;
global using Xunit;
global using Microsoft.EntityFrameworkCore;
global using Driehoek.Web.Data;
