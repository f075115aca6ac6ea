global using Driehoek.Bench;
