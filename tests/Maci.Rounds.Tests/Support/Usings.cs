global using Maci.TestSupport.Dora;
