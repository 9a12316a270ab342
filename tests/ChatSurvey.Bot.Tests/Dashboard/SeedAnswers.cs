using ChatSurvey.Domain.Events;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>A complete, plausible set of answer values for the 2022 form, drawn from a seeded random source.</summary>
public static class SeedAnswers
{
    /// <summary>
    /// Texts that a spreadsheet would run as formulas, and texts that need RFC 4180 quoting. Each is as the store keeps
    /// it (no carriage returns or other control characters but newline and tab: see TextHygiene).
    /// </summary>
    public static readonly string[] Texts =
    [
        "Falta de agua potable", "=HYPERLINK(\"http://x.example\",\"clic\")", "+1+2", "-2+3", "@SUM(A1)", "\tTabulador", "\nRetorno",
        "Basura, drenaje y \"baches\"", "Línea uno\nlínea dos", "Inseguridad", "agua y drenaje", "Caminos rurales",
    ];

    public static readonly string[] Scale = ["E", "B", "R", "M", "P"];
    private static readonly string[] Rows5 = ["transparencia", "accesibilidad_informacion", "rendicion_cuentas", "participacion_ciudadana", "uso_tic"];
    private static readonly string[] Rows6 = [.. Rows5, "combate_corrupcion"];
    private static readonly string[] Media = ["television", "radio", "periodicos", "revistas", "internet", "dependencias", "redes_sociales", "otro"];
    private static readonly string[] Rating = ["excelente", "bueno", "regular", "malo", "pesimo"];
    private static readonly string[] Groups = ["ninos_ninas_adolescentes", "mujeres", "jovenes", "personas_discapacidad", "personas_adultas_mayores", "indigena_afrodescendiente", "otro"];

    public static readonly string[] Topics =
    [
        "educacion", "vivienda", "movilidad_transporte", "tramites_digitales", "arte_cultura", "deportes", "competencia_fomento_economico",
        "politica_social", "tramites_servicios_publicos", "medio_ambiente", "infraestructura", "transparencia_presupuestaria", "justicia_seguridad",
        "industrias_extractivas", "derechos_humanos", "equidad_genero", "seguridad_alimentaria", "salud", "rendicion_cuentas", "combate_corrupcion", "empleo", "otro",
    ];

    public static List<AnswerValue> Draw(Random random)
    {
        string Pick(string[] from) => from[random.Next(from.Length)];
        string Text() => Pick(Texts);
        var values = new List<AnswerValue> { AnswerValue.ForOption("q1", Pick(["si", "no"])), AnswerValue.ForOption("q2", Pick(["si", "no"])) };
        var media = Media.Where(_ => random.Next(3) == 0).DefaultIfEmpty(Pick(Media)).ToList();
        values.AddRange(media.Select(m => AnswerValue.ForOption("q3", m)));
        if (media.Contains("otro"))
        {
            values.Add(new AnswerValue("q3_otro", null, null, null, Text()));
        }

        values.Add(AnswerValue.ForOption("q4", Pick(Rating)));
        values.AddRange(Rows5.Select(r => new AnswerValue("q5", r, null, Pick(Scale), null)));
        values.AddRange(Rows6.Select(r => new AnswerValue("q6", r, null, Pick(Scale), null)));
        values.AddRange(Rows6.Select(r => new AnswerValue("q7", r, null, Pick(Scale), null)));
        var group = Pick(Groups);
        values.Add(AnswerValue.ForOption("q8", group));
        if (group == "otro")
        {
            values.Add(new AnswerValue("q8_otro", null, null, null, Text()));
        }

        values.Add(new AnswerValue("q9", "problema_1", null, null, Text()));
        values.Add(new AnswerValue("q9", "problema_2", null, null, Text()));
        if (random.Next(2) == 0)
        {
            values.Add(new AnswerValue("q10", "problema", null, null, Text()));
            values.Add(new AnswerValue("q10", "idea", null, null, Text()));
        }

        var ranked = Topics.OrderBy(_ => random.Next()).Take(5).ToList();
        values.AddRange(ranked.Select((t, i) => new AnswerValue("q11", null, i + 1, t, null)));
        if (ranked.Contains("otro"))
        {
            values.Add(new AnswerValue("q11_otro", null, null, null, Text()));
        }

        var participate = Pick(["si", "no"]);
        values.Add(AnswerValue.ForOption("q12", participate));
        if (participate == "si")
        {
            values.Add(AnswerValue.ForOption("q12_contacto", Pick(["si", "no"])));
        }

        return values;
    }
}
