global using Driehoek.Web.Features.Permissions;
global using Driehoek.Web.Infrastructure.Auth;
global using Driehoek.Web.Data;
global using Driehoek.Web.Infrastructure.Data;
global using Driehoek.Web.Infrastructure.Web;
global using Microsoft.EntityFrameworkCore;
